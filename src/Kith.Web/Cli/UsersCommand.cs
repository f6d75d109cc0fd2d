using System.CommandLine;
using System.Security.Cryptography;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kith.Web.Cli;

/// <summary><c>kith users create-admin --email ...</c>: the first administrator of a new installation.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Email address the administrator signs in with.", Required = true };
        var name = new Option<string?>("--name") { Description = "Name shown in the audit trail (defaults to the email address)." };
        var createAdmin = new Command("create-admin", "Create an administrator account and print a one-time password.") { email, name };
        createAdmin.SetAction(async (result, cancellationToken) =>
        {
            var address = result.GetValue(email)!.Trim();
            if (!address.Contains('@', StringComparison.Ordinal) || address.Length > 256)
            {
                await Console.Error.WriteLineAsync($"'{address}' is not an email address. Give one like --email name@example.org.");
                return 2;
            }

            await using var app = await KithCommandLine.BuildForCommandAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var password = GeneratePassword();
            var outcome = await accounts.CreateUserAsync(
                new CreateUserOptions(address, result.GetValue(name) ?? address, password, [KithRoles.Administrator]),
                Core.Platform.Audit.ProcessContext.System("kith users create-admin"),
                cancellationToken);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Could not create the account: {string.Join(" ", outcome.Errors)}");
                return 1;
            }

            Console.WriteLine($"Administrator {address} created.");
            Console.WriteLine($"One-time password: {password}");
            Console.WriteLine("Sign in at /account/sign-in; you will be asked to set up two-factor sign-in. This password is not shown again.");
            return 0;
        });

        return new Command("users", "Manage accounts.") { createAdmin };
    }

    /// <summary>A 20-character password from an unambiguous alphabet.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
