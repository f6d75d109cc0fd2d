using Kith.Core.Connections;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The practitioner's connecting pages and the person's own view of their connections: the person's say on how each is going.</summary>
public static class ConnectingModule
{
    public static IServiceCollection AddKithConnecting(this IServiceCollection services)
    {
        services.AddScoped<ConnectionFeedbackService>();
        return services;
    }
}
