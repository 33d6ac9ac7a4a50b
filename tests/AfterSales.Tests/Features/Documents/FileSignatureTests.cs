using AfterSales.Features.Documents;

namespace AfterSales.Tests.Features.Documents;

public sealed class FileSignatureTests
{
    [Theory]
    [InlineData("photo.jpg", "jpeg", "image/jpeg")]
    [InlineData("photo.png", "png", "image/png")]
    [InlineData("photo.webp", "webp", "image/webp")]
    [InlineData("手册.pdf", "pdf", "application/pdf")]
    [InlineData("开发资料.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("清单.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("培训.pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("旧手册.doc", "ole", "application/msword")]
    [InlineData("旧清单.xls", "ole", "application/vnd.ms-excel")]
    [InlineData("旧培训.ppt", "ole", "application/vnd.ms-powerpoint")]
    [InlineData("文稿.wps", "ole", "application/vnd.ms-office")]
    public void Each_allowed_type_is_recognised_by_its_content(string name, string kind, string contentType)
    {
        FileSignature.Detect(TestFiles.Make(kind), name)!.ContentType.ShouldBe(contentType);
    }

    [Theory]
    [InlineData("photo.jpg", "script")]
    [InlineData("photo.jpg", "html")]
    [InlineData("page.html", "html")]
    [InlineData("logo.svg", "svg")]
    [InlineData("logo.png", "svg")]
    [InlineData("setup.exe", "exe")]
    [InlineData("setup.pdf", "exe")]
    [InlineData("archive.zip", "zip")]
    [InlineData("archive.docx", "zip")]
    [InlineData("fake.docx", "content-types-only-zip")]
    [InlineData("notes.txt", "text")]
    [InlineData("empty.pdf", "empty")]
    public void Disguised_or_unlisted_content_is_refused(string name, string kind)
    {
        FileSignature.Detect(TestFiles.Make(kind), name).ShouldBeNull();
    }

    [Fact]
    public void The_name_never_changes_what_the_content_is()
    {
        FileSignature.Detect(TestFiles.Png(), "photo.jpg").ShouldBe(FileSignature.Png);
        FileSignature.Detect(TestFiles.Pdf(), "manual.docx").ShouldBe(FileSignature.Pdf);
        // For the legacy Office container the name chooses only among Office types.
        FileSignature.Detect(TestFiles.Ole(), "page.html").ShouldBe(FileSignature.OtherOle);
    }

    [Theory]
    [InlineData("image/jpeg", true)]
    [InlineData("image/png", true)]
    [InlineData("image/webp", true)]
    [InlineData("application/pdf", true)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)]
    [InlineData("application/msword", false)]
    [InlineData("image/svg+xml", false)]
    [InlineData("text/html", false)]
    public void Only_images_and_pdf_are_shown_inline(string contentType, bool inline)
    {
        FileSignature.ServesInline(contentType).ShouldBe(inline);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\wang\\用户手册.pdf", "用户手册.pdf")]
    [InlineData("report.html", "report.html.pdf")]
    [InlineData("report", "report.pdf")]
    [InlineData("..", "file.pdf")]
    [InlineData("a\"b\r\n.pdf", "ab.pdf")]
    public void The_shown_name_has_no_folders_and_an_extension_matching_the_content(string uploaded, string shown)
    {
        FileSignature.SafeFileName(uploaded, FileSignature.Pdf).ShouldBe(shown);
    }

    [Fact]
    public void A_very_long_name_is_cut_but_keeps_its_extension()
    {
        var name = FileSignature.SafeFileName(new string('长', 300) + ".docx", FileSignature.Docx);

        name.Length.ShouldBe(255);
        name.ShouldEndWith(".docx");
    }
}
