using Kith.Core.Connections;
using Kith.Core.Connections.Matching;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Connecting people with community assets: the connection lifecycle and the matcher (ADR 18).</summary>
public static class ConnectionsModule
{
    public static IServiceCollection AddKithConnections(this IServiceCollection services)
    {
        services.AddScoped<ConnectionService>();
        services.AddScoped<ConnectionMatcher>();
        return services;
    }
}
