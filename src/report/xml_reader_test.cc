#include "report/xml_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai::report {
namespace {

using Token = XmlReader::Token;

// The token stream as a compact string: <name a=v> </name> "text"; "!" + error at the end.
std::string Dump(std::string_view xml, const std::string& attr = "") {
  XmlReader x(xml);
  std::string out, v;
  while (true) {
    Token t = x.Next();
    if (t == Token::kEof) return out;
    if (t == Token::kError) return out + "!";
    if (t == Token::kStart) {
      out += "<" + std::string(x.Name());
      if (!attr.empty() && x.Attr(attr, v)) out += " " + attr + "=" + v;
      out += ">";
    } else if (t == Token::kEnd) {
      out += "</" + std::string(x.LocalName()) + ">";
    } else {
      out += "\"" + x.Text() + "\"";
    }
  }
}

TEST(XmlReaderTest, ElementsAttributesAndText) {
  EXPECT_EQ(Dump("<?xml version=\"1.0\"?>\n<w:p a='1'><w:t xml:space=\"preserve\">x y</w:t>"
                 "<w:br/></w:p>",
                 "a"),
            "\"\n\"<w:p a=1><w:t>\"x y\"</t><w:br></br></p>");
  EXPECT_EQ(Dump("<c r=\"B3\" t=\"s\"><v>7</v></c>", "t"), "<c t=s><v>\"7\"</v></c>");
  // Attributes by local name when no prefix is given.
  EXPECT_EQ(Dump("<sheet r:id=\"rId2\"/>", "id"), "<sheet id=rId2></sheet>");
}

TEST(XmlReaderTest, EntitiesCdataAndComments) {
  EXPECT_EQ(Dump("<t>&amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;&#x1F600;</t>"),
            "<t>\"&<>\"'中文😀\"</t>");
  EXPECT_EQ(Dump("<t a=\"&lt;&#x41;\"/>", "a"), "<t a=<A></t>");
  EXPECT_EQ(Dump("<t><!-- c --><![CDATA[<b>&amp;]]></t>"), "<t>\"<b>&amp;\"</t>");
  // Invalid code points become U+FFFD.
  EXPECT_EQ(Dump("<t>&#0;&#xD800;&#x110000;&#99999999;</t>"),
            "<t>\"\uFFFD\uFFFD\uFFFD\uFFFD\"</t>");
}

TEST(XmlReaderTest, RefusesDtdsAndMalformedMarkup) {
  EXPECT_EQ(Dump("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"), "!");
  EXPECT_EQ(Dump("<x>&a;</x>"), "<x>!");
  EXPECT_EQ(Dump("<x>&amp</x>"), "<x>!");
  EXPECT_EQ(Dump("<x><y></x>"), "<x><y>!");
  EXPECT_EQ(Dump("<x>"), "<x>!");
  EXPECT_EQ(Dump("<x a=1></x>"), "!");
  EXPECT_EQ(Dump("<x a=\"1></x>"), "!");
  EXPECT_EQ(Dump("</x>"), "!");
  EXPECT_EQ(Dump("<x><!-- open"), "<x>!");
  EXPECT_EQ(Dump("<"), "!");
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<a>";
  XmlReader x(deep);
  Token t;
  int starts = 0;
  while ((t = x.Next()) == Token::kStart) ++starts;
  EXPECT_EQ(t, Token::kError);
  EXPECT_EQ(starts, 256);
  EXPECT_EQ(x.Next(), Token::kError);  // stays failed
}

}  // namespace
}  // namespace gongkai::report
