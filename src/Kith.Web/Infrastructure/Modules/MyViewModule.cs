using Kith.Core.People.MyView;
using Kith.Core.People.Suggestions;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Identity;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>The person's own view (/my): invitations, suggestions and the access log.</summary>
public static class MyViewModule
{
    public static IServiceCollection AddKithMyView(this IServiceCollection services)
    {
        services.AddScoped<PersonInvitationService>();
        services.AddScoped<SuggestionService>();
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokens.ProviderName;
            o.TokenLifespan = InvitationTokens.Lifetime;
        });
        services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[InvitationTokens.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));
        services.AddKithPersonRights();
        return services;
    }
}
