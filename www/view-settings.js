// Reading settings: A− / A+ for the text size (0.875 to 1.75 rem) and the
// theme (system, light, sepia, dark), both kept between visits.

import { $ } from "./dom.js";

export function readingSettings(view) {
  const { settings } = view;
  const root = document.documentElement;
  const size = () => settings.get("fontSize", 1.125);
  const applySize = (rem) => root.style.setProperty("--font-size", `${rem}rem`);
  applySize(size());
  const step = (d) => {
    const rem = Math.min(1.75, Math.max(0.875, Math.round((size() + d) * 1000) / 1000));
    settings.set("fontSize", rem);
    applySize(rem);
  };
  view.listen($("smaller"), "click", () => step(-0.125));
  view.listen($("larger"), "click", () => step(0.125));

  const theme = $("theme");
  theme.value = settings.get("theme", "");
  const applyTheme = () => (theme.value ? root.setAttribute("data-theme", theme.value) : root.removeAttribute("data-theme"));
  applyTheme();
  view.listen(theme, "change", () => {
    settings.set("theme", theme.value);
    applyTheme();
  });
}
