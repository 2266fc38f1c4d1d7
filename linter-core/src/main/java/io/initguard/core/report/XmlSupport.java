package io.initguard.core.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;

/** Writes indented XML through the JDK's {@link XMLStreamWriter}, which escapes markup characters. */
final class XmlSupport {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter x;
    private int depth;

    XmlSupport(Writer out) throws IOException {
        try {
            this.x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** Opens an element on a new, indented line. */
    XmlSupport open(String name) throws IOException {
        try {
            newline();
            x.writeStartElement(name);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    /** An element without content, on a new line. */
    XmlSupport empty(String name) throws IOException {
        try {
            newline();
            x.writeEmptyElement(name);
            return this;
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    /** An attribute of the element just opened; its value is kept on one line (see {@link ReportSupport#xmlAttr}). */
    XmlSupport attr(String name, String value) throws IOException {
        try {
            x.writeAttribute(name, ReportSupport.xmlAttr(value));
            return this;
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    XmlSupport attr(String name, long value) throws IOException {
        return attr(name, Long.toString(value));
    }

    /** Text content of the element just opened, line breaks kept. */
    XmlSupport text(String s) throws IOException {
        try {
            x.writeCharacters(ReportSupport.xmlSafe(s));
            return this;
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    /** Closes the innermost open element; on a new line when {@code ownLine}. */
    XmlSupport close(boolean ownLine) throws IOException {
        try {
            depth--;
            if (ownLine) newline();
            x.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    void finish() throws IOException {
        try {
            x.writeEndDocument();
            x.writeCharacters("\n");
            x.flush();
        } catch (XMLStreamException e) {
            throw wrap(e);
        }
    }

    private void newline() throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static IOException wrap(XMLStreamException e) {
        return new IOException("cannot write XML: " + e.getMessage(), e);
    }
}
