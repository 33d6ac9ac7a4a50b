using System.Net;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tests.Platform;

/// <summary>The command-line tasks an operator runs beside the web server.</summary>
public sealed class CommandsTests
{
    [Fact]
    public async Task An_api_key_created_on_the_command_line_opens_the_api_for_its_scopes()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            (
                await Commands.TryRunAsync(app.Services, ["create-api-key", "--name", "cti", "--scopes", Policies.ReadWorkOrders])
            ).ShouldBeTrue();
        }
        finally
        {
            Console.SetOut(console);
        }
        var secret = output.ToString().Trim();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyHandler.Header, secret);

        (await client.GetAsync("/api/v1/work-orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostJsonAsync("/api/v1/work-orders", new { customerId = 1, description = "x" })).StatusCode.ShouldBe(
            HttpStatusCode.Forbidden
        );
        (await app.DbAsync(db => db.Set<ApiKey>().SingleAsync())).Name.ShouldBe("cti");
    }

    [Fact]
    public async Task An_unknown_scope_is_refused_and_no_key_is_created()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        var errors = new StringWriter();
        var console = Console.Error;
        Console.SetError(errors);
        try
        {
            await Commands.TryRunAsync(app.Services, ["create-api-key", "--name", "cti", "--scopes", "everything"]);
        }
        finally
        {
            Console.SetError(console);
            Environment.ExitCode = 0;
        }

        errors.ToString().ShouldContain("everything");
        (await app.DbAsync(db => db.Set<ApiKey>().CountAsync())).ShouldBe(0);
    }
}
