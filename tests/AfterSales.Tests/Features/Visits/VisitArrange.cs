using System.Diagnostics;
using System.Net;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Visits;

/// <summary>A free work order dispatched to a signed-in technician, ready for a visit.</summary>
public sealed record VisitArrange(WorkOrderWorld World, long WorkOrderId, string Number, HttpClient Technician, HttpClient Agent)
{
    public static async Task<VisitArrange> ArrangeAsync(AppFactory app)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var agent = await app.SignInAsync(Roles.Dispatcher);
        var name = $"tech{Guid.NewGuid():N}"[..16];
        var technician = await app.SignInAsync(Roles.Technician, userName: name);
        var techId = await app.DbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
        var created = await agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = world.CustomerId,
                assetIds = new[] { world.AssetId },
                channel = "Hotline",
                description = "广告牌灯不亮",
                cause = "Defect",
            }
        );
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var w = await created.ReadJsonAsync<WorkOrderOutput>();
        var dispatched = await agent.PostJsonAsync(
            $"/api/v1/work-orders/{w.Id}/events",
            new
            {
                type = "dispatch",
                technicianId = techId,
                version = w.Version,
            }
        );
        dispatched.StatusCode.ShouldBe(HttpStatusCode.OK, await dispatched.Content.ReadAsStringAsync());
        return new VisitArrange(world, w.Id, w.Number, technician, agent);
    }

    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", "-", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return await output;
    }

    public static string SignatureDataUrl() => "data:image/png;base64," + Convert.ToBase64String(Documents.TestFiles.Png(120, 60));
}
