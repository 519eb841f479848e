graph [
  directed 0
  node [
    id 0
    label "ann"
    segment "fans"
    opinion 0.9
    graphics [ x 1.0 y 2.0 ]
  ]
  node [
    id 1
    label "bob &amp; co"
    segment "casual"
    opinion 0.2
  ]
  node [ id 2 label "carol" segment "fans" ]
  edge [ source 0 target 1 weight 0.5 ]
  edge [ source 1 target 2 weight 1 ]
]
