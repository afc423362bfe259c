package io.redline.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an Atom 1.0 feed (RFC 4287): feed id, title, updated, author and self link, then each entry with its
 * id, title, updated, published, author, alternate link and HTML content (escaped by the XML writer). Pure;
 * thread-safe.
 */
public final class AtomFeed {
    public static final String NS = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /** One entry: {@code id} a URI that never changes for the same thing (a tag: URI). */
    public record Entry(String id, String title, Instant updated, Instant published, String author, String link,
                        String html) {
    }

    /** The feed; {@code updated} should be the newest entry's, or any fixed time when there is none. */
    public record Feed(String id, String title, String self, String alternate, Instant updated, List<Entry> entries) {
    }

    public static String write(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            text(xml, "updated", time(feed.updated()));
            xml.writeStartElement("author");
            text(xml, "name", "Redline");
            xml.writeEndElement();
            link(xml, "self", feed.self(), "application/atom+xml");
            link(xml, "alternate", feed.alternate(), "text/html");
            text(xml, "generator", "Redline");
            for (Entry e : feed.entries()) {
                xml.writeStartElement("entry");
                text(xml, "id", e.id());
                text(xml, "title", e.title());
                text(xml, "updated", time(e.updated()));
                if (e.published() != null) {
                    text(xml, "published", time(e.published()));
                }
                if (e.author() != null) {
                    xml.writeStartElement("author");
                    text(xml, "name", e.author());
                    xml.writeEndElement();
                }
                link(xml, "alternate", e.link(), "text/html");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(xmlText(e.html()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlText(href));
    }

    /**
     * {@code s} with every character XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return,
     * U+FFFE, U+FFFF, unpaired surrogates) replaced by U+FFFD: a stored text may contain them, and a feed must
     * still be well-formed. The same string when there are none.
     */
    static String xmlText(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean allowed = pair || c >= 0x20 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE || c == '\t' || c == '\n' || c == '\r';
            if (!allowed && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
                if (pair) {
                    out.append(s.charAt(++i));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /** RFC 3339, UTC, to the millisecond at most. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
