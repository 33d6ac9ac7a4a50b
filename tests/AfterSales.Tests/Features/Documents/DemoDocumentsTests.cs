using System.Text;
using AfterSales.Features.Demo;
using AfterSales.Features.Documents;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Documents;

public sealed class DemoDocumentsTests
{
    [Fact]
    public async Task The_demo_contract_has_an_installation_photo_set_and_two_of_three_deliverables()
    {
        await using var app = new AppFactory(demo: true);
        var (contractId, assetId) = await app.DbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Number == "HT-2025-0012");
            var asset = await db.Assets.Where(a => a.ContractId == contract.Id).OrderBy(a => a.Id).FirstAsync();
            return (contract.Id, asset.Id);
        });
        var agent = await app.SignInAsync(Roles.Agent);

        var assetPage = await agent.GetPageAsync($"/Documents/Asset/{assetId}");
        var contractPage = await agent.GetPageAsync($"/Documents/Contract/{contractId}");

        var photos = assetPage.QuerySelectorAll(".installation-photo");
        photos.Select(p => p.QuerySelector(".caption")!.TextContent).ShouldBe(["测量定位", "安装骨架", "完工效果"]);
        photos.Select(p => p.GetAttribute("data-step")).ShouldBe(["1", "2", "3"]);
        foreach (var p in photos)
            (await agent.GetAsync(p.QuerySelector("img")!.GetAttribute("src"))).Content.Headers.ContentType!.MediaType.ShouldBe(
                "image/jpeg"
            );
        var delivered = contractPage
            .QuerySelectorAll(".deliverable")
            .ToDictionary(i => i.GetAttribute("data-kind")!, i => i.GetAttribute("data-delivered"));
        delivered.ShouldBe(
            new Dictionary<string, string?>
            {
                ["DevelopmentMaterial"] = "false",
                ["UserManual"] = "true",
                ["AdminManual"] = "true",
            }
        );
        var manual = contractPage.QuerySelector(".deliverable[data-kind=UserManual] a")!.GetAttribute("href")!;
        var pdf = await (await agent.GetAsync(manual)).Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf).ShouldStartWith("%PDF-1.4");
        FileSignature.Detect(pdf, "x.pdf").ShouldBe(FileSignature.Pdf);
    }

    [Fact]
    public void The_hand_written_pdf_has_a_cross_reference_table_that_points_at_its_objects()
    {
        var pdf = Encoding.ASCII.GetString(DemoDocuments.Pdf("Manual (v1)", ["line \\ one"]));

        var startxref = int.Parse(pdf.Split("startxref\n")[1].Split('\n')[0]);
        pdf[startxref..].ShouldStartWith("xref\n0 6\n");
        var entries = pdf[startxref..].Split('\n').Skip(3).Take(5).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Length.ShouldBe(19); // 20 bytes with the newline
            pdf[int.Parse(entries[i][..10])..].ShouldStartWith($"{i + 1} 0 obj");
        }
        pdf.ShouldContain("(Manual \\(v1\\))");
        pdf.ShouldEndWith("%%EOF\n");
    }
}
