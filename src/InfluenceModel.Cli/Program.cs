using InfluenceModel.Cli;

return CliApp.Run(args);
