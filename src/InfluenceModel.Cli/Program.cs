using System.Runtime.InteropServices;
using InfluenceModel.Cli;

// Ctrl+C (SIGINT) and SIGTERM cancel the token every command's work takes: the command stops within 100 ms, deletes
// its temporary files, prints "Cancelled." and exits 130. A second signal while cancelling ends the process at once.
using var cancel = new CancellationTokenSource();
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return CliApp.Run(args, cancellationToken: cancel.Token);

void OnSignal(PosixSignalContext context)
{
    if (!cancel.IsCancellationRequested)
    {
        context.Cancel = true;
        cancel.Cancel();
    }
}
