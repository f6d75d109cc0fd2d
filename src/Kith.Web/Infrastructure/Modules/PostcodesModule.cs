using Kith.Core.Platform.Postcodes;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>Postcode look-up and the ONS Postcode Directory import.</summary>
public static class PostcodesModule
{
    public static IServiceCollection AddPostcodes(this IServiceCollection services)
    {
        services.AddScoped<PostcodeService>();
        services.AddScoped<PostcodeImporter>();
        return services;
    }
}
