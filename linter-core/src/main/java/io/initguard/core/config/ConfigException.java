package io.initguard.core.config;

/** A config file that cannot be used; the message is one line naming the file and line. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
