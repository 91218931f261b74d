// Runs before the app so a dark-mode user never sees a white flash. Mirrors src/web/app/theme.tsx.
(function () {
  try {
    var saved = localStorage.getItem('panelist-theme');
    var dark = saved === 'dark' || (saved !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    var root = document.documentElement;
    root.classList.toggle('dark', dark);
    root.style.colorScheme = dark ? 'dark' : 'light';
  } catch {
    /* storage may be unavailable; the app falls back to the system setting */
  }
})();
