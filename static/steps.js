// @ts-check
// The story form's path rows without a round trip. "Add a step" and "Remove"
// are submit buttons that post the form back, and the server returns it with
// the rows changed (server/stories/steps.ts, editSteps). With this script they
// change the rows in the page instead, renumbering every row so the form posts
// exactly the fields the server reads: step_count, then step_<i>_<key> for
// i = 0 … step_count − 1, in order. Without it, everything works as before.
(() => {
  const STEP_INDEX = /step_\d+_/g;
  const ATTRIBUTES = ["name", "id", "for", "aria-describedby"];

  for (const box of document.querySelectorAll("fieldset.path-steps[data-step-labels]")) {
    if (box instanceof HTMLFieldSetElement) enhance(box);
  }

  /** @param {HTMLFieldSetElement} box */
  function enhance(box) {
    const list = box.querySelector("ol.steps");
    const count = box.querySelector('input[name="step_count"]');
    const addButton = box.querySelector('button[name="action"][value="add_step"]');
    if (!list || !(count instanceof HTMLInputElement) || !(addButton instanceof HTMLButtonElement)) return;
    /** @type {{ legends: string[], removes: string[] }} */
    const labels = JSON.parse(box.dataset.stepLabels ?? "{}");
    const maxSteps = Number(box.dataset.maxSteps);
    const rows = () => Array.from(list.children).filter((li) => li.matches("li.step"));

    box.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[name="action"]') : null;
      if (!(button instanceof HTMLButtonElement) || !box.contains(button)) return;
      const row = button.closest("li.step");
      if (button === addButton) {
        event.preventDefault();
        add();
      } else if (row && /^remove_step_\d+$/.test(button.value)) {
        event.preventDefault();
        remove(row);
      }
    });

    function add() {
      const all = rows();
      const last = all[all.length - 1];
      if (!last || all.length >= maxSteps) return;
      const row = /** @type {Element} */ (last.cloneNode(true));
      blank(row, last);
      list?.append(row);
      renumber();
      focusFirstField(row);
    }

    /** @param {Element} row */
    function remove(row) {
      const all = rows();
      if (all.length <= 1) return;
      const next = all[all.indexOf(row) + 1] ?? all[all.indexOf(row) - 1];
      row.remove();
      renumber();
      if (next) focusFirstField(next);
    }

    /** A new row as the server adds one: empty fields, the party of the row before it, no errors. */
    function blank(/** @type {Element} */ row, /** @type {Element} */ previous) {
      for (const field of row.querySelectorAll("input, select, textarea")) {
        if (field instanceof HTMLSelectElement) {
          const copied = field.name.endsWith("_party") ? previous.querySelector(`select[name="${field.name}"]`) : null;
          const value = copied instanceof HTMLSelectElement ? copied.value : "";
          for (const option of field.options) option.defaultSelected = false;
          field.value = value;
          if (field.selectedIndex < 0) field.selectedIndex = 0;
        } else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
          field.defaultValue = "";
          field.value = "";
        }
        field.removeAttribute("aria-invalid");
        const described = (field.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && !id.endsWith("-error"));
        if (described.length) field.setAttribute("aria-describedby", described.join(" "));
        else field.removeAttribute("aria-describedby");
      }
      for (const error of row.querySelectorAll(".field .error")) error.remove();
      for (const field of row.querySelectorAll(".field.invalid")) field.classList.remove("invalid");
    }

    /** Every row's index, from 0, in its fields, labels, legend and remove button; step_count; which buttons show. */
    function renumber() {
      const all = rows();
      all.forEach((row, i) => {
        row.id = `step-${i + 1}`;
        for (const element of row.querySelectorAll("*")) {
          for (const attribute of ATTRIBUTES) {
            const value = element.getAttribute(attribute);
            if (value !== null) element.setAttribute(attribute, value.replace(STEP_INDEX, `step_${i}_`));
          }
        }
        const fieldset = row.querySelector(":scope > fieldset");
        const legend = fieldset?.querySelector(":scope > legend");
        if (legend) legend.textContent = labels.legends[i] ?? legend.textContent;
        let removeButton = row.querySelector('button[name="action"][value^="remove_step_"]');
        if (all.length > 1 && !removeButton && fieldset) {
          const actions = document.createElement("p");
          actions.className = "step-actions";
          removeButton = document.createElement("button");
          removeButton.setAttribute("type", "submit");
          removeButton.setAttribute("name", "action");
          removeButton.className = "secondary";
          actions.append(removeButton);
          fieldset.append(actions);
        }
        if (removeButton instanceof HTMLButtonElement) {
          if (all.length === 1) {
            removeButton.closest(".step-actions")?.remove();
          } else {
            removeButton.value = `remove_step_${i}`;
            removeButton.textContent = labels.removes[i] ?? removeButton.textContent;
          }
        }
      });
      if (count instanceof HTMLInputElement) count.value = String(all.length);
      const addActions = addButton?.closest(".step-actions");
      if (addActions instanceof HTMLElement) addActions.hidden = all.length >= maxSteps;
    }
  }

  /** @param {Element} row */
  function focusFirstField(row) {
    const field = row.querySelector("select, input");
    if (field instanceof HTMLElement) field.focus();
  }
})();
