[when]这是任何报告=Report()
[when]机关名称为{x}=Report(java.lang.System.setProperty("@PROP@", "{x}") == null)
