// The power-interest grid as the page shows it (ui/grid.py): our own matplotlib SVG, whose texts
// matplotlib escaped, put in as it is (st.html's sanitiser removes SVG). data: [svg, chrome], where
// chrome is the page's own height above and below the picture.
export default function ({ parentElement, data }) {
  const box = parentElement.querySelector(".sne-grid");
  const [svg, chrome] = Array.isArray(data) ? data : [data, 230];
  if (!box) {
    return;
  }
  box.style.setProperty("--sne-chrome", `${chrome}px`);
  if (box.sneSvg !== svg) {
    box.innerHTML = svg || "";
    box.sneSvg = svg;
  }
}
