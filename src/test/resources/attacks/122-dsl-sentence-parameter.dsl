[when]这是任何报告=Report()
[then]记录{x}=findings.report(drools, "{x}", null);
