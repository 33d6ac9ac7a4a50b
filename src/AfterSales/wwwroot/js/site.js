// htmx: show validation errors (422) and not-found fragments instead of ignoring them.
document.addEventListener("htmx:beforeSwap", function (e) {
  if (e.detail.xhr.status === 422) { e.detail.shouldSwap = true; e.detail.isError = false; }
});
