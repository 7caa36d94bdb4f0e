// The catalogue's search box filters the table as one types (by rule id, check, text or file); without scripts the
// form asks the server, which lists the rules that match.
(function () {
  document.querySelectorAll('input[data-filters]').forEach(function (input) {
    var table = document.getElementById(input.getAttribute('data-filters'));
    var count = document.getElementById('catalogue-count');
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function filter() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      if (count) {
        count.textContent = q ? '找到 ' + shown + ' 条规则（共 ' + rows.length + ' 条）' : '';
      }
    }
    input.addEventListener('input', filter);
  });
})();
