// The scoring page: while a report is read and scored (a few seconds, longer for a ZIP), the form says so and shows
// a progress bar with the seconds gone by; the button cannot send the file twice. The answer is a redirect to the
// result's own address, so the result can be reloaded without scoring again.
(function () {
  var form = document.getElementById('check-form');
  var box = document.getElementById('check-progress');
  if (!form || !box) {
    return;
  }
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    var label = box.querySelector('span');
    var started = Date.now();
    var zip = false;
    var file = form.querySelector('input[name=file]');
    if (file && file.files && file.files.length && /\.zip$/i.test(file.files[0].name)) {
      zip = true;
    }
    box.hidden = false;
    label.textContent = zip ? '正在逐份读取和评分压缩包中的报告，请稍候……' : '正在读取和评分，一份报告通常需要几秒钟，请稍候……';
    window.setTimeout(function () { button.disabled = true; }, 0); // after the form has taken the click
    window.setInterval(function () {
      var seconds = Math.round((Date.now() - started) / 1000);
      label.textContent = (zip ? '正在逐份评分压缩包中的报告' : '正在读取和评分') + '，已用 ' + seconds + ' 秒……';
    }, 1000);
  });
})();
