// 打印 on the result page: a script file, not an inline handler, as the pages' Content-Security-Policy runs none.
(function () {
  var button = document.getElementById('print-button');
  if (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  }
})();
