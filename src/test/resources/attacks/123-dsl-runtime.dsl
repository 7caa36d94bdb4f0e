[when]这是任何报告=Report()
[then]执行=Runtime.getRuntime().exec(new String[] {"touch", "@MARKER@"});
