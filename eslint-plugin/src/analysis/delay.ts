// placeholder: replaced by the delay evaluator
