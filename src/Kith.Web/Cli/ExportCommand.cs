using System.CommandLine;

namespace Kith.Web.Cli;

/// <summary>
/// <c>kith export FORMAT ...</c>: writes the directory out in an open format. Each format is one
/// subcommand, built in its own file (<c>ExportCommand.Oruk.cs</c>, ...), and listed here.
/// </summary>
internal static partial class ExportCommand
{
    public static Command Create() => new("export", "Write the directory's published records out in an open format.")
    {
        Oruk(),
    };

    /// <summary>
    /// Opens a file to write beside <paramref name="path"/> (PATH.partial), so a failed export never leaves
    /// a half-written file where a good one was. Null, with the reason on standard error, when it cannot.
    /// </summary>
    private static async Task<FileStream?> OpenPartialAsync(FileInfo path)
    {
        try
        {
            if (System.IO.Directory.Exists(path.FullName))
            {
                await Console.Error.WriteLineAsync($"{path.FullName} is a folder. Give the path of a file to write, e.g. kith export oruk directory.ndjson");
                return null;
            }

            return new FileStream(path.FullName + ".partial", FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20, useAsync: true);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or DirectoryNotFoundException or IOException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"Cannot write to {path.FullName}: {exception.Message} Check that the folder exists and you may write to it, or give another path.");
            return null;
        }
    }

    /// <summary>Moves the finished PATH.partial over PATH.</summary>
    private static void Finish(FileInfo path) => File.Move(path.FullName + ".partial", path.FullName, overwrite: true);

    /// <summary>Removes PATH.partial after a failure.</summary>
    private static void Abandon(FileInfo path)
    {
        try
        {
            File.Delete(path.FullName + ".partial");
        }
        catch (IOException)
        {
            // Nothing more to do: the partial file is named as such.
        }
    }
}
