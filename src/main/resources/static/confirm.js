// An activation asks first: a button with data-confirm asks its question, and when the answer is yes ticks the form's
// 「我已核对」 box the server requires. Without scripts the box is ticked by hand.
(function () {
  document.querySelectorAll('button[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var box = button.form && button.form.querySelector('input[name="confirmed"]');
      if (!window.confirm(button.getAttribute('data-confirm'))) {
        event.preventDefault();
        return;
      }
      if (box) {
        box.checked = true;
      }
    });
  });
})();
