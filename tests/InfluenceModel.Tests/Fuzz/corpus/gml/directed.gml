# written by hand
graph [ directed 1 node [ id 1 ] node [ id 2 ] node [ id -3 ] edge [ source 1 target 2 ] edge [ source 2 target -3 ] ]
