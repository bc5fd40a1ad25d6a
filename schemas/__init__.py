"""marshmallow schemas: validate input and shape output, one module per resource."""
