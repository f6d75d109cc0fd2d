using Kith.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Kith.Web.Tests.Hosting;

public class HostingStartupTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_errors()
    {
        // Background services (the outbox dispatcher) once started before the database was
        // migrated and logged "no such table" on every first start.
        await using var factory = new KithWebFactory();
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var errors = factory.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.ToString()).ToList();
        Assert.Empty(errors);
    }
}
