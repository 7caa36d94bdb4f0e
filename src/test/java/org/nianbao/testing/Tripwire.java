package org.nianbao.testing;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;

/** An object that tells when it is deserialized: a class that no reader of the project's data should admit. */
public final class Tripwire implements Serializable {

    public static final AtomicBoolean READ = new AtomicBoolean();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        READ.set(true);
    }
}
