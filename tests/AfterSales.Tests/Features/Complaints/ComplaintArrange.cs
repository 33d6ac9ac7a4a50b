using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>Two customers (each with a contract on tender terms) and the ways to file and handle their complaints.</summary>
internal sealed record ComplaintArrange(AppFactory App, long CustomerId, long OtherCustomerId)
{
    public static async Task<ComplaintArrange> ArrangeAsync(AppFactory app)
    {
        var world = await WorkOrderWorld.ArrangeAsync(app);
        var other = await app.DbAsync(db => db.Customers.Where(c => c.Id != world.CustomerId).Select(c => c.Id).FirstAsync());
        return new ComplaintArrange(app, world.CustomerId, other);
    }

    /// <summary>Files a complaint through the API as a machine client with the complaints scope.</summary>
    public async Task<long> FileAsync(
        string description = "维修人员态度恶劣，对客户大声喊叫",
        ComplaintCategory category = ComplaintCategory.StaffAttitude,
        bool major = false,
        long? customerId = null,
        long? callId = null
    )
    {
        var api = await App.ApiKeyClientAsync(Policies.HandleComplaints);
        var r = await api.PostJsonAsync(
            "/api/v1/complaints",
            new
            {
                customerId = customerId ?? CustomerId,
                channel = ComplaintChannel.Phone,
                category,
                description,
                wish = "要求道歉并给予补偿",
                isMajor = major,
                callId,
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync<ComplaintOutput>()).Id;
    }

    /// <summary>Posts one handling form of the complaint page (its antiforgery token taken from the page).</summary>
    public static Task<HttpResponseMessage> ActAsync(HttpClient client, long id, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(
            $"/Complaints/{id}?handler={handler}",
            fields.ToDictionary(kv => $"Input.{kv.Key}", kv => kv.Value),
            $"/Complaints/{id}"
        );

    public static async Task OkAsync(Task<HttpResponseMessage> posting)
    {
        var r = await posting;
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(r));
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage r) =>
        (await r.ParseAsync()).QuerySelector("#action-errors")?.TextContent.Trim() ?? await r.Content.ReadAsStringAsync();

    public Task<Complaint> FindAsync(long id) =>
        App.DbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Clocks).Include(c => c.Events).SingleAsync(c => c.Id == id));

    /// <summary>Takes a complaint to the point where a manager may close it: replied, remedy accepted.</summary>
    public async Task ReadyToCloseAsync(
        HttpClient handler,
        long id,
        RemedyKind kind = RemedyKind.Apology,
        string amount = "",
        string justification = ""
    )
    {
        await OkAsync(ActAsync(handler, id, "Reply", new() { ["ReplyText"] = "已致电客户说明情况并道歉", ["ReplyChannel"] = "Phone" }));
        await OkAsync(
            ActAsync(
                handler,
                id,
                "Remedy",
                new()
                {
                    ["Kind"] = kind.ToString(),
                    ["Amount"] = amount,
                    ["Detail"] = "书面道歉",
                    ["Justification"] = justification,
                }
            )
        );
        await OkAsync(ActAsync(handler, id, "Answer", new() { ["Accepted"] = "true", ["Satisfaction"] = "4" }));
    }

    public static Dictionary<string, string> Responsibility(string staff = "张伟", string penalty = "Warning", string amount = "") =>
        new()
        {
            ["ResponsibleStaff"] = staff,
            ["ResponsibleDepartment"] = "售后服务部",
            ["Finding"] = "维修人员与客户争执，态度不当",
            ["Improvement"] = "组织服务礼仪培训",
            ["Penalty"] = penalty,
            ["PenaltyAmount"] = amount,
            ["Summary"] = "客户投诉维修人员态度，经核实属实，已道歉并培训",
        };
}
