[when]这是任何报告=Report()
[then]记录一下=System.setProperty("@PROP@", "ran");
