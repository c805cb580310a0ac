// The DOCX form of a letter: document.xml, styles.xml (仿宋 三号 body, 宋体 二号 title), content
// types and relationships, and, when given, the seal as word/media/seal.png in a drawing anchored
// at the signature paragraph (in front of the text, 4.2 cm like a real 公章, over the agency
// name and date as a stamp would be). The package is written by report::WriteZip.
#include "letters/letter.h"
#include "report/ooxml.h"
#include "report/text_util.h"

namespace gongkai::letters {
namespace {

using report::XmlEscape;

constexpr std::string_view kContentTypesHead =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>)";

constexpr std::string_view kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>)";

constexpr std::string_view kRelsHead =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
)";
constexpr std::string_view kSealRel =
    R"(<Relationship Id="rIdSeal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/seal.png"/>
)";

// 三号 = 16 pt = 32 half-points; 二号 = 22 pt = 44; fixed 28 pt line spacing (560 twips) as in
// GB/T 9704 公文 layout.
constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:line="700" w:lineRule="exact"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/><w:ind w:right="640"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Contact"><w:name w:val="Contact"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
</w:styles>)";

constexpr int kSealEmu = 1512000;  // 4.2 cm

std::string Para(std::string_view style, std::string_view text, std::string_view extra = {}) {
  std::string out = "<w:p><w:pPr><w:pStyle w:val=\"";
  out += style;
  out += "\"/>";
  if (style == "Normal") out += "<w:jc w:val=\"center\"/>";
  out += "</w:pPr>";
  out += extra;
  if (!text.empty()) {
    out += "<w:r><w:t xml:space=\"preserve\">" + XmlEscape(text) + "</w:t></w:r>";
  }
  return out + "</w:p>";
}

std::string SealDrawing() {
  const std::string ext = std::to_string(kSealEmu);
  return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" "
         "simplePos=\"0\" relativeHeight=\"251659264\" behindDoc=\"0\" locked=\"0\" "
         "layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
         "<wp:positionH relativeFrom=\"margin\"><wp:align>right</wp:align></wp:positionH>"
         "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>-540000</wp:posOffset>"
         "</wp:positionV><wp:extent cx=\"" +
         ext + "\" cy=\"" + ext +
         "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>"
         "<wp:docPr id=\"1\" name=\"依申请公开专用章\"/><wp:cNvGraphicFramePr/>"
         "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
         "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
         "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
         "<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"seal.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
         "<pic:blipFill><a:blip r:embed=\"rIdSeal\"/><a:stretch><a:fillRect/></a:stretch>"
         "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" +
         ext + "\" cy=\"" + ext +
         "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
         "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>";
}

std::string DocumentXml(const Letter& letter, bool has_seal) {
  std::string body;
  body += Para("Title", letter.agency_name);
  body += Para("Title", letter.title);
  body += Para("Normal", letter.number);
  body += Para("Normal", "");
  body +=
      "<w:p><w:pPr><w:pStyle w:val=\"Body\"/><w:ind w:firstLine=\"0\"/></w:pPr><w:r><w:t "
      "xml:space=\"preserve\">" +
      XmlEscape(letter.salutation) + "</w:t></w:r></w:p>";
  for (const auto& p : letter.body) body += Para("Body", p);
  if (!letter.remedy.empty()) body += Para("Body", letter.remedy);
  body += Para("Normal", "");
  body += Para("Signature", letter.agency_name, has_seal ? SealDrawing() : "");
  body += Para("Signature", letter.date_text);
  if (!letter.contact.empty()) body += Para("Normal", "");
  for (const auto& c : letter.contact) body += Para("Contact", c);
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         "\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
         "<w:body>" +
         body +
         "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" "
         "w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
         "</w:sectPr></w:body></w:document>";
}

}  // namespace

Result<std::string> RenderLetterDocx(const Letter& letter, const Seal& seal) {
  GONGKAI_RETURN_IF_ERROR(CheckSeal(seal));
  const bool has_seal = !seal.png.empty();
  std::string rels(kRelsHead);
  if (has_seal) rels += kSealRel;
  rels += "</Relationships>";
  std::vector<report::ZipEntry> entries = {
      {"[Content_Types].xml", std::string(kContentTypesHead)},
      {"_rels/.rels", std::string(kRootRels)},
      {"word/document.xml", DocumentXml(letter, has_seal)},
      {"word/styles.xml", std::string(kStyles)},
      {"word/_rels/document.xml.rels", rels},
  };
  if (has_seal) entries.push_back({"word/media/seal.png", seal.png});
  return report::WriteZip(entries);
}

}  // namespace gongkai::letters
