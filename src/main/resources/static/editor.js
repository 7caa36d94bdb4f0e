// The rule editor: CodeMirror over the form's textarea (the form still posts the textarea), with line numbers,
// highlighting, and a marker at every line a problem was reported at. Tab indents in the editor; Esc then Tab (or
// Shift+Tab) leaves it for the next (previous) control, as the hint tied to it says.
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
    readOnly: area.readOnly,
    screenReaderLabel: '规则文件内容'
  });
  window.ruleEditor = editor;
  var input = editor.getInputField();
  var hint = area.getAttribute('aria-describedby');
  if (hint) {
    input.setAttribute('aria-describedby', hint);
  }
  // Esc, then Tab: the editor lets the browser move the focus on, instead of indenting
  var leaving = false;
  editor.on('keydown', function (cm, e) {
    if (e.key === 'Escape' || e.key === 'Esc') {
      leaving = true;
    } else if (e.key === 'Tab' && leaving) {
      leaving = false;
      e.codemirrorIgnore = true;
    } else if (e.key !== 'Shift') {
      leaving = false;
    }
  });
  editor.on('blur', function () {
    leaving = false;
  });
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
