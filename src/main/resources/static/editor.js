// The rule editor: CodeMirror over the form's textarea (the form still posts the textarea), with line numbers,
// highlighting, and a marker at every line a problem was reported at.
(function () {
  var area = document.getElementById('editor');
  if (!area || typeof CodeMirror === 'undefined') {
    return;
  }
  var editor = CodeMirror.fromTextArea(area, {
    lineNumbers: true,
    lineWrapping: true,
    mode: area.getAttribute('data-mode') || 'text/x-java',
    gutters: ['problem-markers', 'CodeMirror-linenumbers'],
    viewportMargin: Infinity,
    screenReaderLabel: '规则文件内容'
  });
  window.ruleEditor = editor;
  var lines = (area.getAttribute('data-problem-lines') || '').split(',').filter(function (n) { return n; });
  lines.forEach(function (n) {
    var line = parseInt(n, 10) - 1;
    if (line < 0 || line >= editor.lineCount()) {
      return;
    }
    var marker = document.createElement('span');
    marker.className = 'problem-marker';
    marker.title = '第 ' + (line + 1) + ' 行有问题';
    marker.textContent = '●';
    editor.setGutterMarker(line, 'problem-markers', marker);
    editor.addLineClass(line, 'background', 'problem-line');
  });
  if (lines.length) {
    editor.scrollIntoView({line: parseInt(lines[0], 10) - 1, ch: 0}, 120);
  }
})();
