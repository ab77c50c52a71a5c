// The interface's language control (ui/sidebar.py). A choice is marked at once and announced on
// the page as a "sne:language" event (its detail: the language's code), which the map component
// answers by showing the view it was handed in that language, before the app's run for it has
// come; the run itself is asked for with the trigger value "lang". Its buttons come as the
// component's static HTML (ui/sidebar.py), so the sidebar does not move when this script loads.
const mounted = new WeakMap();

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = component.data[0];
  const group = parentElement.querySelector(".sne-language");
  if (!group) {
    return;
  }
  const buttons = Array.from(group.querySelectorAll("button[data-code]"));
  let held = mounted.get(parentElement);
  if (!held) {
    held = { trigger: setTriggerValue };
    mounted.set(parentElement, held);
    const choose = (chosen) => {
      for (const b of buttons) {
        b.setAttribute("aria-checked", String(b === chosen));
      }
      document.dispatchEvent(new CustomEvent("sne:language", { detail: chosen.dataset.code }));
      held.trigger("lang", chosen.dataset.code);
    };
    for (const button of buttons) {
      button.addEventListener("click", () => {
        if (button.getAttribute("aria-checked") !== "true") {
          choose(button);
        }
      });
    }
  }
  held.trigger = setTriggerValue;
  group.setAttribute("aria-label", data.label);
  for (const button of buttons) {
    button.setAttribute("aria-checked", String(button.dataset.code === data.current));
  }
}
