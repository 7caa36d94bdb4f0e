// The dry run followed while it runs: the form's 试算 button starts it in the background, a progress bar shows how
// many stored reports are done, and the table of changes appears below when it is finished. Without scripts, or when
// the candidate has problems, the form is sent as it is and the page answers.
(function () {
  var box = document.getElementById('dry-run-progress');
  var target = document.getElementById('dry-run-result');
  if (!box || !target || !window.fetch) {
    return;
  }
  var bar = box.querySelector('progress');
  var label = box.querySelector('span');

  function sendAsItIs(form) {
    var action = document.createElement('input');
    action.type = 'hidden';
    action.name = 'action';
    action.value = 'dry-run';
    form.appendChild(action);
    form.submit();
  }

  document.querySelectorAll('button[name="action"][value="dry-run"]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var form = button.form; // (form.action would be the button named action)
      event.preventDefault();
      if (window.ruleEditor) {
        window.ruleEditor.save();
      }
      document.querySelectorAll('section.outcome').forEach(function (old) { old.remove(); });
      target.innerHTML = '';
      box.hidden = false;
      bar.removeAttribute('value');
      label.textContent = '试算中……';
      fetch(form.getAttribute('action') + '/dry-runs', {method: 'POST', body: new FormData(form), credentials: 'same-origin',
        headers: {'Accept': 'application/json'}})
        .then(function (r) {
          if (r.status === 503) {
            return r.json().then(function (busy) { // as many dry runs as the service takes: try later
              bar.value = 0;
              label.textContent = busy.message;
              return null;
            });
          }
          if (r.status !== 202) {
            throw new Error('refused');
          }
          return r.json().then(function (started) {
            follow(form, started);
          });
        })
        .catch(function () {
          sendAsItIs(form);
        });
    });
  });

  function follow(form, started) {
    fetch(started.progress, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (!r.ok) {
          throw new Error('gone'); // the service restarted, or the dry run was forgotten: ask again the plain way
        }
        return r.json();
      })
      .then(function (p) {
        if (p.total > 0) {
          bar.max = p.total;
          bar.value = p.done;
          label.textContent = '已试算 ' + p.done + ' / ' + p.total + ' 份报告';
        }
        if (p.state === 'done') {
          return fetch(started.result, {credentials: 'same-origin'})
            .then(function (r) {
              if (!r.ok) {
                throw new Error('gone');
              }
              return r.text();
            })
            .then(function (html) {
              box.hidden = true;
              target.innerHTML = html;
              target.scrollIntoView();
            });
        }
        if (p.state === 'refused' || p.state === 'failed') {
          sendAsItIs(form); // the page shows the problems with their lines
          return null;
        }
        setTimeout(function () { follow(form, started); }, 250);
        return null;
      })
      .catch(function () {
        sendAsItIs(form);
      });
  }
})();
