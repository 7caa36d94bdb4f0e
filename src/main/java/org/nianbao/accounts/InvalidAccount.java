package org.nianbao.accounts;

/** An account that cannot be created or changed as asked: the message says why. */
public class InvalidAccount extends RuntimeException {

    public InvalidAccount(String message) {
        super(message);
    }
}
