using Kith.Core.Connections.FollowUps;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kith.Web.Tests.Caseload;

/// <summary>Connections:FollowUpIntervals and the other follow-up settings are read from configuration and checked at start.</summary>
public class FollowUpSettingsTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public void The_defaults_come_from_appsettings_and_a_setting_replaces_them()
    {
        Assert.Equal([14, 56], factory.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value.Intervals);

        using var configured = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Connections:FollowUpIntervals:0", "7")
            .UseSetting("Connections:FollowUpIntervals:1", "30")
            .UseSetting("Connections:FollowUpQuietDays", "3"));
        var options = configured.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value;

        Assert.Equal([7, 30], options.Intervals);
        Assert.Equal(3, options.FollowUpQuietDays);
    }

    [Fact]
    public void Intervals_out_of_order_stop_the_start_with_a_message_that_says_why()
    {
        static IEnumerable<Exception> Chain(Exception e) =>
            e is AggregateException all ? all.InnerExceptions.SelectMany(Chain).Prepend(e) : e.InnerException is { } inner ? Chain(inner).Prepend(e) : [e];

        using var broken = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Connections:FollowUpIntervals:0", "56")
            .UseSetting("Connections:FollowUpIntervals:1", "14"));

        var failure = Assert.ThrowsAny<Exception>(() => broken.Services.GetRequiredService<FollowUpService>());

        Assert.Contains(Chain(failure), e => e is OptionsValidationException);
        Assert.Contains("Connections:FollowUpIntervals must be in increasing order", string.Join("\n", Chain(failure).Select(e => e.Message)), StringComparison.Ordinal);
    }
}
