using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;

namespace AfterSales.Tests.Features.Customers;

public sealed class ContactsAndSitesPagesTests
{
    [Fact]
    public async Task An_agent_manages_contacts_and_sites_on_the_pages()
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var agent = await app.SignInAsync(Roles.Agent);
        var card = $"/Customers/{customer.Id}";

        var contact = await agent.PostFormAsync(
            $"{card}/Contacts/New",
            new()
            {
                ["Input.Name"] = "王建国",
                ["Input.Title"] = "后勤处处长",
                ["Input.Phone"] = "13857112345",
                ["Input.IsPrimary"] = "true",
            }
        );
        var site = await agent.PostFormAsync($"{card}/Sites/New", new() { ["Input.Name"] = "东校区", ["Input.Address"] = "凤起路 235 号" });

        contact.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        contact.Headers.Location!.ToString().ShouldBe($"{card}#contacts");
        site.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.GetPageAsync(card);
        page.Text("#contacts .contact").ShouldContain("王建国");
        page.Text("#contacts .contact").ShouldContain("主要联系人");
        page.Text("#sites .site").ShouldContain("凤起路 235 号");

        var contactId = page.QuerySelector("#contacts .contact")!.GetAttribute("data-id");
        var siteId = page.QuerySelector("#sites .site")!.GetAttribute("data-id");
        var edited = await agent.PostFormAsync(
            $"{card}/Contacts/{contactId}/Edit",
            new() { ["Input.Name"] = "王建国", ["Input.Email"] = "wangjg@hz1z.example.cn" }
        );
        var movedSite = await agent.PostFormAsync(
            $"{card}/Sites/{siteId}/Edit",
            new() { ["Input.Name"] = "东校区", ["Input.Address"] = "凤起路 237 号" }
        );
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        movedSite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await agent.GetPageAsync(card);
        page.Text("#contacts .contact").ShouldContain("wangjg@hz1z.example.cn");
        page.Text("#sites .site").ShouldContain("凤起路 237 号");

        var deleted = await agent.PostFormAsync($"{card}/Contacts/{contactId}/Edit?handler=Delete", [], card);
        var deletedSite = await agent.PostFormAsync($"{card}/Sites/{siteId}/Edit?handler=Delete", [], card);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deletedSite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await agent.GetPageAsync(card);
        page.Text("#contacts").ShouldContain("暂无联系人");
        page.Text("#sites").ShouldContain("暂无地点");
    }

    [Theory]
    [InlineData("12345", "", "Input.Phone", "“12345”不是有效的手机或固定电话号码")]
    [InlineData("", "", "Input.Phone", "请至少填写电话或电子邮箱之一")]
    [InlineData("", "not-an-email", "Input.Email", "电子邮箱不是有效的电子邮箱地址")]
    public async Task A_bad_contact_form_is_shown_again_with_the_message(string phone, string email, string field, string message)
    {
        await using var app = new AppFactory();
        var customer = await app.AddCustomerAsync("杭州市第一中学");
        var agent = await app.SignInAsync(Roles.Agent);
        var before = await app.SnapshotAsync();

        var response = await agent.PostFormAsync(
            $"/Customers/{customer.Id}/Contacts/New",
            new()
            {
                ["Input.Name"] = "王建国",
                ["Input.Phone"] = phone,
                ["Input.Email"] = email,
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Text($"[data-valmsg-for='{field}']").ShouldBe(message);
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
