// A job's page follows it: every second the page asks /api/jobs/{id} how many reports are done and moves the progress
// bar; when the job is done the page is shown again with each report's outcome.
(function () {
  var section = document.getElementById('job');
  if (!section || section.getAttribute('data-state') === 'done' || !window.fetch) {
    return;
  }
  var bar = document.getElementById('job-bar');
  var text = document.getElementById('job-text');
  function poll() {
    fetch(section.getAttribute('data-job'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) {
          window.setTimeout(poll, 3000);
          return;
        }
        bar.max = job.total;
        bar.value = job.done + job.failed;
        if (job.state === 'done') {
          text.textContent = '已完成：' + job.total + ' 份中 ' + job.done + ' 份处理完毕，' + job.failed + ' 份失败。';
          section.setAttribute('data-state', 'done');
          window.location.reload();
          return;
        }
        text.textContent = '正在处理：' + (job.done + job.failed) + ' / ' + job.total + ' 份，其中 ' + job.failed + ' 份失败……';
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
