[when]这是任何报告=Report()
[then]记录一下=findings.report(drools, "x", null);
[when]另有=do[evil]
