"""One way to start the app for a benchmark or a browser test: ``streamlit run`` on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

__all__ = ["ROOT", "free_port", "start_streamlit"]

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_streamlit(
    data_dir: str | os.PathLike[str],
    extra_env: Mapping[str, str] | None = None,
    *,
    script: str | os.PathLike[str] = ROOT / "app.py",
    timeout: float = 60.0,
    poll: float = 0.3,
    port: int | None = None,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``streamlit run`` on ``data_dir`` (127.0.0.1, headless, no usage statistics) and wait
    until ``/_stcore/health`` says ok; return the process and the app's URL."""
    port = port or free_port()
    env = {**os.environ, "NETWORK_DATA_DIR": str(data_dir), **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
        + ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return proc, url
        except OSError:
            time.sleep(poll)
    proc.kill()
    raise RuntimeError(f"streamlit did not start within {timeout:.0f} s")
