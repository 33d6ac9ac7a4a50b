using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Platform;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Features.Admin;

internal static class AdminTestHelpers
{
    static readonly HtmlParser Parser = new();
    static int _customers;

    /// <summary>
    /// Posts a form whose fields may repeat (checkbox groups such as Input.Roles), with the
    /// antiforgery token of <paramref name="formPage"/> (or of <paramref name="url"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(
        this HttpClient client,
        string url,
        IEnumerable<(string Name, string Value)> fields,
        string? formPage = null
    )
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
            all.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>The fields of the create-user form.</summary>
    public static List<(string, string)> NewUser(string userName, string password, long? customerId, params string[] roles)
    {
        var fields = new List<(string, string)>
        {
            ("Input.UserName", userName),
            ("Input.DisplayName", $"{userName} 显示名"),
            ("Input.Password", password),
            ("Input.CustomerId", customerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        };
        fields.AddRange(roles.Select(r => ("Input.Roles", r)));
        return fields;
    }

    public static async Task<long> CreateCustomerAsync(this AppFactory app, string name = "杭州市第一中学")
    {
        var code =
            "91330100MA2H4X0"
            + (Interlocked.Increment(ref _customers) % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        code += CreditCode.CheckCharacter(code);
        return await app.DbAsync(async db =>
        {
            var customer = Customer.Create(name, code, CustomerCategory.School, null, null, app.Clock.GetUtcNow().UtcDateTime);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });
    }

    public static Task<AppUser> UserAsync(this AppFactory app, string userName) =>
        app.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    public static Task<List<string>> RolesOfAsync(this AppFactory app, string userName) =>
        app.DbAsync(db =>
            (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.UserName == userName
                orderby r.Name
                select r.Name!
            ).ToListAsync()
        );

    /// <summary>A GET as htmx sends it: the answer is the fragment, not the whole page.</summary>
    public static Task<HttpResponseMessage> GetHtmxAsync(this HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
}
