using System.Net;
using AfterSales.Features.Complaints;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tests.Features.Complaints.ComplaintArrange;

namespace AfterSales.Tests.Features.Complaints;

/// <summary>The complaint page's handling steps through /api/v1/complaints/{id}/…, refused the same way.</summary>
public sealed class ComplaintHandlingApiTests
{
    static async Task<ComplaintOutput> OkAsync(HttpClient api, string url, object body)
    {
        var r = await api.PostJsonAsync(url, body);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadJsonAsync<ComplaintOutput>();
    }

    [Fact]
    public async Task A_handler_takes_a_major_complaint_through_every_step_by_api()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync(major: true);
        var api = await app.ApiKeyClientAsync(Policies.HandleComplaints);
        var url = $"/api/v1/complaints/{id}";
        var managerLi = await app.CreateUserAsync("manager-li", Roles.Manager);

        (
            await OkAsync(
                api,
                url + "/acknowledgement",
                new
                {
                    thanked = true,
                    heardOut = true,
                    apologised = true,
                    note = "已致谢并致歉",
                }
            )
        ).Status.ShouldBe(ComplaintStatus.Acknowledged);
        (await OkAsync(api, url + "/notes", new { note = "调取通话录音，核实属实" })).Status.ShouldBe(ComplaintStatus.Investigating);
        (
            await OkAsync(api, url + "/escalation", new { escalatedTo = "manager-li", escalationReason = "涉及赔偿，超出权限" })
        ).Status.ShouldBe(ComplaintStatus.Escalated);
        var committed = app.Clock.GetUtcNow().AddDays(2);
        var explained = await OkAsync(
            api,
            url + "/explanation",
            new
            {
                explanationText = "经核实，维修人员态度不当，已停岗培训",
                committedResolution = committed,
                explanationChannel = "Email",
            }
        );
        explained.CommittedResolutionUtc.ShouldBe(committed.UtcDateTime);
        (explained.ExplanationText, explained.ExplanationChannel).ShouldBe(
            ("经核实，维修人员态度不当，已停岗培训", ComplaintChannel.Email)
        );
        explained.RepliedAtUtc.ShouldNotBeNull();
        (await OkAsync(api, url + "/reply", new { replyText = "已电话回复客户", replyChannel = "Phone" })).Status.ShouldBe(
            ComplaintStatus.Replied
        );
        var remedy = await OkAsync(api, url + "/remedy", new { kind = "Apology", detail = "书面道歉" });
        remedy.Remedy.ShouldBe(RemedyKind.Apology);

        var c = await world.FindAsync(id);
        (c.Thanked, c.HeardOut, c.Apologised, c.EscalatedTo, c.EscalatedToUserId).ShouldBe((true, true, true, "manager-li", managerLi.Id));
        // The manager it was escalated to is alerted, once.
        (
            await app.DbAsync(db =>
                db.Alerts.CountAsync(a => a.ComplaintId == id && a.Type == AlertType.Escalated && a.RecipientUserId == managerLi.Id)
            )
        ).ShouldBe(1);
        c.Events.Count(e => e.Type == ComplaintEventType.Note).ShouldBe(1);
    }

    [Fact]
    public async Task Refused_steps_answer_with_the_entitys_own_errors_and_change_nothing()
    {
        await using var app = new AppFactory();
        var world = await ArrangeAsync(app);
        var id = await world.FileAsync();
        var api = await app.ApiKeyClientAsync(Policies.HandleComplaints);
        var url = $"/api/v1/complaints/{id}";
        var customer = await app.SignInAsync(Roles.Customer, world.CustomerId);
        await app.CreateUserAsync("manager-li", Roles.Manager);
        await app.CreateUserAsync("agent-wang", Roles.Agent);
        var before = await app.SnapshotAsync();

        async Task RefusedAsync(string path, object body, HttpStatusCode status, string message)
        {
            var r = await api.PostJsonAsync(url + path, body);
            r.StatusCode.ShouldBe(status);
            (await r.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        await RefusedAsync("/acknowledgement", new { note = "无" }, HttpStatusCode.UnprocessableEntity, "请勾选已向客户致谢、倾听或致歉");
        await RefusedAsync("/notes", new { note = " " }, HttpStatusCode.UnprocessableEntity, "请填写调查记录");
        // An over-long field is refused by validation, as everywhere in the API: 400 naming the field.
        await RefusedAsync("/notes", new { note = new string('记', 4001) }, HttpStatusCode.BadRequest, "note");
        await RefusedAsync("/escalation", new { escalatedTo = "manager-li" }, HttpStatusCode.UnprocessableEntity, "请说明升级原因");
        await RefusedAsync(
            "/escalation",
            new { escalationReason = "超出权限" },
            HttpStatusCode.UnprocessableEntity,
            "请选择升级给哪位主管"
        );
        // Escalation goes to a manager: an agent or an unknown name is refused.
        await RefusedAsync(
            "/escalation",
            new { escalatedTo = "agent-wang", escalationReason = "超出权限" },
            HttpStatusCode.UnprocessableEntity,
            "“agent-wang”不是主管"
        );
        await RefusedAsync(
            "/escalation",
            new { escalatedTo = "李主管", escalationReason = "超出权限" },
            HttpStatusCode.UnprocessableEntity,
            "“李主管”不是主管"
        );
        await RefusedAsync("/reply", new { replyChannel = "Phone" }, HttpStatusCode.UnprocessableEntity, "请填写答复内容");
        await RefusedAsync("/explanation", new { explanationText = "说明" }, HttpStatusCode.UnprocessableEntity, "请填写承诺解决时间");
        await RefusedAsync("/remedy", new { kind = "Compensation", amountFen = 0 }, HttpStatusCode.UnprocessableEntity, "补偿金额应大于零");
        await RefusedAsync(
            "/notes",
            new { note = "补录", occurredAt = app.Clock.GetUtcNow().AddHours(1) },
            HttpStatusCode.UnprocessableEntity,
            "OccurredAt"
        );
        (await api.PostJsonAsync("/api/v1/complaints/999999/notes", new { note = "无此投诉" })).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await customer.PostJsonAsync(url + "/notes", new { note = "客户自己写" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.SnapshotAsync()).ShouldBe(before);

        // Closed: every step is refused, nothing changes.
        var manager = await app.SignInAsync(Roles.Manager);
        await world.ReadyToCloseAsync(manager, id);
        await ComplaintArrange.OkAsync(ActAsync(manager, id, "Close", Responsibility()));
        var closed = await app.SnapshotAsync();
        var late = await api.PostJsonAsync(url + "/notes", new { note = "结案后补充" });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.SnapshotAsync()).ShouldBe(closed);
    }
}
