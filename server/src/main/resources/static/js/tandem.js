// Small helpers of Tandem's pages; everything works without them.
document.addEventListener('change', function (event) {
  // A "choose all" checkbox (data-select-all="<name>") sets every checkbox of that name in its form.
  var all = event.target.closest('[data-select-all]');
  if (all) {
    var form = all.form || all.closest('form');
    form.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
      box.checked = all.checked;
    });
  }
});
