// A round's upload page: files dropped on the box are taken as chosen; the files chosen are listed; the upload shows
// its progress, then the page goes where the answer leads (the job's own page, which follows the scoring). Without
// scripts the form is sent as it is.
(function () {
  var form = document.getElementById('upload-form');
  var zone = document.getElementById('drop-zone');
  var input = document.getElementById('report-files');
  var list = document.getElementById('chosen-files');
  var box = document.getElementById('upload-progress');
  if (!form || !zone || !input) {
    return;
  }

  function show() {
    list.innerHTML = '';
    var total = 0;
    Array.prototype.forEach.call(input.files, function (f) {
      var li = document.createElement('li');
      li.textContent = f.name + '（' + Math.max(1, Math.round(f.size / 1024)) + ' KB）';
      list.appendChild(li);
      total += f.size;
    });
    if (input.files.length > 1) {
      var sum = document.createElement('li');
      sum.textContent = '共 ' + input.files.length + ' 个文件，' + Math.round(total / 1024) + ' KB';
      list.appendChild(sum);
    }
  }

  input.addEventListener('change', show);
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) {
      e.preventDefault();
      zone.classList.add('dragging');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () {
      zone.classList.remove('dragging');
    });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      show();
    }
  });

  form.addEventListener('submit', function (e) {
    if (!window.XMLHttpRequest || !window.FormData || !box) {
      return;
    }
    e.preventDefault();
    var bar = box.querySelector('progress');
    var label = box.querySelector('span');
    var button = form.querySelector('button[type=submit]');
    box.hidden = false;
    button.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) {
        bar.value = Math.round(p.loaded / p.total * 100);
        label.textContent = '正在上传：' + bar.value + '%';
      }
    });
    xhr.addEventListener('load', function () {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL) {
        label.textContent = '已上传，正在打开任务进度……';
        window.location.assign(xhr.responseURL);
      } else {
        button.disabled = false;
        label.textContent = xhr.status === 413 ? '上传失败：文件超过大小上限。' : '上传失败（HTTP ' + xhr.status + '），请重试。';
      }
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      label.textContent = '上传失败：连接中断，请重试。';
    });
    xhr.send(new FormData(form));
  });
})();
