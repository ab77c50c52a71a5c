// The interface's language control (ui/sidebar.py). A choice is marked at once and announced on
// the page as a "sne:language" event (its detail: the language's code), which the map component
// answers by showing the view it was handed in that language, before the app's run for it has
// come; the run itself is asked for with the trigger value "lang".
const mounted = new WeakMap();

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = component.data[0];
  let held = mounted.get(parentElement);
  if (!held) {
    const group = document.createElement("div");
    group.className = "sne-language";
    group.setAttribute("role", "radiogroup");
    parentElement.appendChild(group);
    held = { group, buttons: new Map(), trigger: setTriggerValue };
    mounted.set(parentElement, held);
  }
  held.trigger = setTriggerValue;
  const { group, buttons } = held;
  group.setAttribute("aria-label", data.label);
  const choose = (code) => {
    buttons.forEach((b, c) => {
      b.setAttribute("aria-checked", String(c === code));
    });
    document.dispatchEvent(new CustomEvent("sne:language", { detail: code }));
    held.trigger("lang", code);
  };
  for (const [code, name] of data.languages) {
    let button = buttons.get(code);
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "radio");
      button.addEventListener("click", () => {
        if (button.getAttribute("aria-checked") !== "true") {
          choose(code);
        }
      });
      buttons.set(code, button);
      group.appendChild(button);
    }
    button.textContent = name;
    button.setAttribute("aria-checked", String(code === data.current));
  }
}
