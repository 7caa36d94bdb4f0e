[when]这是任何报告=Report()
[then]记录一下=java.nio.file.Files.writeString(java.nio.file.Path.of("@MARKER@"), "x");
